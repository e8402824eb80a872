/**
 * The inventory's pages: the Numbers list (search, filters, sorts, keyset pages, one URL for the
 * page and its htmx fragment), a number's detail page with its timeline, and the CSV export.
 * Controllers only translate HTTP; the reads and their team scope live in the numbers package.
 */
@NullMarked
package com.numberops.portal.numbers.web;

import org.jspecify.annotations.NullMarked;
