/**
 * What every page shares: the view that gives whole pages their menu
 * ({@link com.numberops.portal.system.LayoutView}, which asks the {@link com.numberops.portal.system.Menu}
 * the users module implements: it says which sections a role sees), toasts, every error answer
 * ({@link com.numberops.portal.system.ErrorAnswers}: the portal's page or problem details), the
 * refusal of NUL characters, the id pattern of page routes, and the web layer's own configuration.
 */
@NullMarked
package com.numberops.portal.system;

import org.jspecify.annotations.NullMarked;
