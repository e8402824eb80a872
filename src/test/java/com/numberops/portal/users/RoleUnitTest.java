package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;

class RoleUnitTest {

	static Stream<Arguments> ladder() {
		return Stream.of(
				// held,         required,      allowed
				Arguments.of(Role.VIEWER, Role.VIEWER, true),
				Arguments.of(Role.VIEWER, Role.OPERATOR, false),
				Arguments.of(Role.VIEWER, Role.ADMIN, false),
				Arguments.of(Role.OPERATOR, Role.VIEWER, true),
				Arguments.of(Role.OPERATOR, Role.OPERATOR, true),
				Arguments.of(Role.OPERATOR, Role.ADMIN, false),
				Arguments.of(Role.ADMIN, Role.VIEWER, true),
				Arguments.of(Role.ADMIN, Role.OPERATOR, true),
				Arguments.of(Role.ADMIN, Role.ADMIN, true));
	}

	@ParameterizedTest(name = "{0} may do what {1} may: {2}")
	@MethodSource("ladder")
	void eachRoleIncludesTheOnesBelowIt(Role held, Role required, boolean allowed) {
		assertThat(held.includes(required)).isEqualTo(allowed);
	}

	@ParameterizedTest(name = "{0} may do what {1} may: {2}")
	@MethodSource("ladder")
	void springSecurityUsesTheSameLadder(Role held, Role required, boolean allowed) {
		var reachable = Role.hierarchy()
			.getReachableGrantedAuthorities(AuthorityUtils.createAuthorityList(held.authority()))
			.stream()
			.map(GrantedAuthority::getAuthority)
			.toList();
		assertThat(reachable.contains(required.authority())).isEqualTo(allowed);
	}

	@Test
	void labelsReadAsWords() {
		assertThat(Role.OPERATOR.label()).isEqualTo("Operator");
		assertThat(Role.ADMIN.authority()).isEqualTo("ROLE_ADMIN");
	}
}
