/**
 * The gradebook's storage: one JDBC database, its schema kept by versioned migrations.
 *
 * <p>By default the database is an embedded H2 file in the data directory ({@code isolab.mv.db});
 * a deployment that runs several web instances gives a PostgreSQL JDBC URL instead. Either way
 * {@link isolab.grading.db.Database#open} migrates the schema to the newest version
 * ({@code db/migration/V*__*.sql}, one portable SQL dialect for both) before anything reads it.
 *
 * <p>Durability is the contract the web player relies on: a write that {@link
 * isolab.grading.db.Jdbc} has returned from is on disk, so a server killed with SIGKILL right
 * after loses nothing it has shown. H2 is opened with {@code WRITE_DELAY=0} for that reason.
 *
 * <p>No ORM: each repository writes its SQL next to the record it maps, through the few
 * helpers of {@link isolab.grading.db.Jdbc}.
 */
package isolab.grading.db;
