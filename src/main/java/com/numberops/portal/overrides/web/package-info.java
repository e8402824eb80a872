/** The Approvals page, its navigation badge, and the override forms of a number's page. */
@NullMarked
package com.numberops.portal.overrides.web;

import org.jspecify.annotations.NullMarked;
