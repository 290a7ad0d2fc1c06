/**
 * Per-student seeds: every student gets their own lab parameters, drawn from a seed the server
 * derives and the student never sees.
 *
 * <p>A course has one secret, 32 random bytes generated into the data directory on first start
 * ({@code course.secret}, hex, readable by the owner only). A student's seed is the first eight
 * bytes (big-endian) of {@code HMAC-SHA256(secret, "isolab student seed v1\0" + studentId)}.
 * Without the secret the seed cannot be computed from the student's id, so parameters cannot be
 * predicted or shared by id; with it, the same student gets the same seed on every server of the
 * course, across restarts.
 */
package isolab.grading.seed;
