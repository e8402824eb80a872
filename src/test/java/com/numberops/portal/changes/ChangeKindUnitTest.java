package com.numberops.portal.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.numberops.portal.users.Role;

/**
 * Who may make each kind of edit, and so retry, cancel or restore a change of it: every (kind,
 * role) pair. A release and a rent are an admin's; every other edit an operator's; a viewer makes none.
 */
class ChangeKindUnitTest {

	/** The least role each kind needs, written out so that a new kind must be placed here. */
	static final Map<ChangeKind, Role> LEAST = Map.of(ChangeKind.RENAME, Role.OPERATOR, ChangeKind.SMS_CONFIGURATION,
			Role.OPERATOR, ChangeKind.BUSINESS_CAMPAIGN, Role.OPERATOR, ChangeKind.VOICE_APP, Role.OPERATOR,
			ChangeKind.CNAM_LOOKUPS, Role.OPERATOR, ChangeKind.MESSAGING, Role.OPERATOR, ChangeKind.ENABLEMENT,
			Role.OPERATOR, ChangeKind.RELEASE, Role.ADMIN, ChangeKind.RENT, Role.ADMIN);

	@ParameterizedTest
	@EnumSource(ChangeKind.class)
	void eachKindIsAllowedFromItsRoleUp(ChangeKind kind) {
		Role least = LEAST.get(kind);
		assertThat(least).as("the least role of %s is in the table", kind).isNotNull();
		for (Role role : Role.values()) {
			assertThat(kind.allows(role)).as("%s by %s", kind, role).isEqualTo(role.compareTo(least) >= 0);
		}
		assertThat(kind.requiredRole()).isEqualTo(least);
	}
}
