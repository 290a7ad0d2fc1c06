package isolab.web.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import isolab.grading.gradebook.RealReplay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which pictures the compare page puts side by side. */
class ComparePageTest {

    static ComparePage page(List<RealReplay.Picture> pictures) {
        RealReplay replay = new RealReplay(1, 1, "digest", 3, Instant.EPOCH, Instant.EPOCH, RealReplay.Outcome.COMPARED, "",
                List.of(), pictures);
        return new ComparePage("lab", "Lab", 3, "", false, replay, null, List.of(), 2, 180, "", "");
    }

    static List<RealReplay.Picture> threePictures() {
        List<RealReplay.Picture> pictures = new ArrayList<>();
        for (String host : List.of("sim", "real")) {
            for (String name : List.of("processes", "namespaces", "mounts")) {
                pictures.add(new RealReplay.Picture(host, name, "<svg>" + host + " " + name + "</svg>"));
            }
        }
        return pictures;
    }

    @Test
    void a_replay_stored_with_memory_pictures_shows_both_machines_memory_cgroups_last() {
        List<RealReplay.Picture> pictures = threePictures();
        pictures.add(new RealReplay.Picture("sim", "memory", "<svg>sim memory</svg>"));
        pictures.add(new RealReplay.Picture("real", "memory", "<svg>real memory</svg>"));
        List<ComparePage.PictureRow> rows = page(pictures).pictureRows();
        assertEquals(List.of("Processes", "Namespaces", "Mounts", "Memory cgroups"),
                rows.stream().map(ComparePage.PictureRow::title).toList());
        assertEquals(new ComparePage.PictureRow("Memory cgroups", "<svg>sim memory</svg>", "<svg>real memory</svg>"),
                rows.get(3));
    }

    @Test
    void a_replay_stored_before_memory_pictures_existed_shows_the_other_three() {
        assertEquals(List.of("Processes", "Namespaces", "Mounts"),
                page(threePictures()).pictureRows().stream().map(ComparePage.PictureRow::title).toList());
    }
}
