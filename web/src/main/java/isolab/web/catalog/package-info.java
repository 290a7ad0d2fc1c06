/**
 * The catalog: the labs this server offers ({@link isolab.web.catalog.LabLibrary}, built-in labs
 * plus any loaded from a directory at start), listed with their titles and topics.
 */
package isolab.web.catalog;
