/**
 * Users, roles, teams, sign-in and the security configuration of the whole portal, with the
 * portal's sections: which role opens which, and the menu that shows them.
 */
@NullMarked
package com.numberops.portal.users;

import org.jspecify.annotations.NullMarked;
