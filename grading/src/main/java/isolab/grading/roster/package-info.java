/**
 * The roster: who takes or teaches the course, with their role and a password hash.
 *
 * <p>The roster stores the hash string it is given and never sees a password; hashing and
 * verifying belong to the web app's auth feature. A username is unique, 1 to 64 characters of
 * {@code [a-z0-9._-]}, compared as given (lower case is enforced, not folded).
 */
package isolab.grading.roster;
