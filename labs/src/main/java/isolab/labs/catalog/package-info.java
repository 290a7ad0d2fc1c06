/**
 * The catalog of labs: the built-in ones, shipped as {@code labs/<id>.lab.md} resources of the
 * labs module, and those in directories given at run time. Every lab is parsed when the catalog
 * is made; broken files stay out and their {@code file:line: reason} errors are kept.
 */
package isolab.labs.catalog;
