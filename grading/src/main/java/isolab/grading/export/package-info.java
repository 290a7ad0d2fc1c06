/**
 * Exports of the gradebook for other systems: CSV with one row per student and lab, which
 * spreadsheet tools and LMS gradebook imports (Canvas, Moodle) read. Cells that a spreadsheet
 * would take for a formula ({@code = + - @}, tab, carriage return) are prefixed with {@code '}.
 */
package isolab.grading.export;
