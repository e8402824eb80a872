package com.numberops.portal.users;

import java.util.Set;

/** What an admin (or the start-up bootstrap) asks for when creating a user. */
public record NewUser(String username, String displayName, Role role, String password, Set<Long> teamIds) {
}
