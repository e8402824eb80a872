/**
 * What every page shares: the sections and navigation with their badges, the view that gives whole
 * pages their menu ({@link com.numberops.portal.system.LayoutView}), toasts, every error answer
 * ({@link com.numberops.portal.system.ErrorAnswers}: the portal's page or problem details), the
 * refusal of NUL characters, and the web layer's own configuration.
 */
@NullMarked
package com.numberops.portal.system;

import org.jspecify.annotations.NullMarked;
