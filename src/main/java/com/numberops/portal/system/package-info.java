/**
 * What every page shares: the layout and its menu (the users module says which sections a role
 * sees), error pages, and the pages that later issues will fill in.
 */
@NullMarked
package com.numberops.portal.system;

import org.jspecify.annotations.NullMarked;
