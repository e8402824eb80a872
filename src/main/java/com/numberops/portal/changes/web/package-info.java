/** The edit forms of a number's page, the Changes page and bulk edits. */
@NullMarked
package com.numberops.portal.changes.web;

import org.jspecify.annotations.NullMarked;
