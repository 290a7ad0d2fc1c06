package isolab.grading.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudentSeedsTest {

    @TempDir
    Path dataDir;

    @Test
    void the_same_student_gets_the_same_seed_after_a_restart() {
        long before = new StudentSeeds(CourseSecret.loadOrCreate(dataDir)).seedFor("ada");
        long after = new StudentSeeds(CourseSecret.loadOrCreate(dataDir)).seedFor("ada");
        assertEquals(before, after);
    }

    @Test
    void different_students_get_different_seeds() {
        StudentSeeds seeds = new StudentSeeds(CourseSecret.loadOrCreate(dataDir));
        assertNotEquals(seeds.seedFor("ada"), seeds.seedFor("bob"));
    }

    @Test
    void another_course_secret_gives_the_same_student_another_seed(@TempDir Path otherCourse) {
        long here = new StudentSeeds(CourseSecret.loadOrCreate(dataDir)).seedFor("ada");
        long there = new StudentSeeds(CourseSecret.loadOrCreate(otherCourse)).seedFor("ada");
        assertNotEquals(here, there);
    }

    @Test
    void the_seed_is_the_first_eight_bytes_of_the_hmac_of_the_student_id() {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        // python3 -c "import hmac,hashlib;print(hmac.new(b'0123456789abcdef0123456789abcdef',
        //   b'isolab student seed v1\0ada',hashlib.sha256).hexdigest()[:16])"
        long expected = Long.parseUnsignedLong("046f8c7023dd4c1e", 16);
        assertEquals(expected, new StudentSeeds(CourseSecret.of(key)).seedFor("ada"));
    }

    @Test
    void the_secret_file_is_readable_by_its_owner_only() throws Exception {
        CourseSecret.loadOrCreate(dataDir);
        Path file = dataDir.resolve(CourseSecret.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(65, Files.readString(file).length(), "64 hex digits and a newline");
    }

    @Test
    void a_corrupt_secret_file_is_reported_not_replaced() throws Exception {
        Files.writeString(dataDir.resolve(CourseSecret.FILE_NAME), "not hex at all\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CourseSecret.loadOrCreate(dataDir));
        assertEquals("not hex at all\n", Files.readString(dataDir.resolve(CourseSecret.FILE_NAME)));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(CourseSecret.FILE_NAME), e.getMessage());
    }
}
