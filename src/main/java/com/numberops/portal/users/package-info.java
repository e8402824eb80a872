/**
 * Users, roles, teams, sign-in and the security configuration of the whole portal.
 */
@NullMarked
package com.numberops.portal.users;

import org.jspecify.annotations.NullMarked;
