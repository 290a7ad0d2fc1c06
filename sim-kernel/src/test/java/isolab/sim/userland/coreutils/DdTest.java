package isolab.sim.userland.coreutils;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** dd's number parsing and report formatting, against what coreutils 9.1 printed on the lab machine. */
class DdTest {

    @Test
    void numbers_take_suffixes_and_x_products() {
        assertEquals(512, Dd.number("1b"));
        assertEquals(2, Dd.number("1x2"));
        assertEquals(1L << 20, Dd.number("1M"));
        assertEquals(1_000_000, Dd.number("1MB"));
        assertEquals(1L << 20, Dd.number("1MiB"));
        assertEquals(4096, Dd.number("4K"));
        assertEquals(-1, Dd.number("1Q"));
        assertEquals(-1, Dd.number("abc"));
        assertEquals(-1, Dd.number("99999999999999999999"));
    }

    @Test
    void times_print_as_c_percent_g() {
        assertEquals("0.00953107", Dd.g(0.00953107));
        assertEquals("4.4276e-05", Dd.g(4.4276e-05));
        assertEquals("0.521995", Dd.g(0.521995));
        assertEquals("0.000511981", Dd.g(0.000511981));
    }

    @Test
    void sizes_and_rates_print_as_measured() {
        assertEquals("34 MB", Dd.human(33554432, 1000));
        assertEquals("32 MiB", Dd.human(33554432, 1024));
        assertEquals("1.0 MB", Dd.human(1048576, 1000));
        assertEquals("1.0 MiB", Dd.human(1048576, 1024));
        assertEquals("33 MB", Dd.human(32976896, 1000));
        assertEquals("31 MiB", Dd.human(32976896, 1024));
        assertEquals("63.2 MB/s", Dd.rate(32976896 / 0.521995));
        assertEquals("28.8 kB/s", Dd.rate(1 / 3.4762e-05));
        assertEquals("2.0 GB/s", Dd.rate(1048576 / 0.000511981));
        assertEquals("0.0 kB/s", Dd.rate(0));
    }

    @Test
    void a_report_names_one_size_below_1024_bytes() {
        assertEquals("1000 bytes (1.0 kB) copied, 3.025e-05 s, 33.1 MB/s\n", Dd.transfer(1000));
        assertEquals("1 byte copied, 3.00003e-05 s, 33.3 kB/s\n", Dd.transfer(1));
    }
}
