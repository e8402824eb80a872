package com.numberops.portal.users;

import org.springframework.data.relational.core.mapping.Table;

/** One row of user_teams: the user (the aggregate root) may see this team's numbers. */
@Table("user_teams")
record TeamMembership(long teamId) {
}
