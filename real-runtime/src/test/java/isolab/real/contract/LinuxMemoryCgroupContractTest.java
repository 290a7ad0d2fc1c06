package isolab.real.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.MemoryCgroupContract;
import isolab.real.LinuxHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;

/** {@link MemoryCgroupContract} on this machine's Linux, in a session sandbox. */
class LinuxMemoryCgroupContractTest extends MemoryCgroupContract {

    private Path dir;

    @Override
    protected Host newHost() {
        return LinuxHost.start(MachineConfig.defaults());
    }

    /**
     * A file on the host's root filesystem, which the sandbox sees through its overlay's lower
     * layer, written, synced and dropped from the page cache (dd iflag=nocache count=0:
     * posix_fadvise DONTNEED), so that the sandbox's first read charges it.
     */
    @Override
    protected String diskFile(int bytes) {
        try {
            dir = Files.createTempDirectory(Path.of("/var/tmp"), "isolab-memcg-");
            Path file = dir.resolve("data");
            Files.write(file, new byte[bytes]);
            run("sync", file.toString());
            run("dd", "if=" + file, "iflag=nocache", "count=0", "status=none");
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @AfterEach
    void removeDiskFile() throws IOException {
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
