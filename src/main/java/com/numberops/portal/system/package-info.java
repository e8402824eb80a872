/**
 * What every page shares: the sections and navigation, the layout's model, error pages, and the
 * pages that later issues will fill in.
 */
@NullMarked
package com.numberops.portal.system;

import org.jspecify.annotations.NullMarked;
