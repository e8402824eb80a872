/**
 * The Sync page: the recent runs of every provider account, and "Sync now" with a live progress
 * bar (htmx polling) until the run ends.
 */
@NullMarked
package com.numberops.portal.sync.web;

import org.jspecify.annotations.NullMarked;
