package com.numberops.portal.users;

import static org.assertj.core.api.Assertions.assertThat;
import static com.numberops.portal.users.Section.*;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SectionUnitTest {

	static Stream<Arguments> menus() {
		return Stream.of(
				Arguments.of(Role.VIEWER, List.of(DASHBOARD, NUMBERS, SYNC, CHANGES)),
				Arguments.of(Role.OPERATOR, List.of(DASHBOARD, NUMBERS, SYNC, CHANGES)),
				Arguments.of(Role.ADMIN, List.of(DASHBOARD, NUMBERS, APPROVALS, SYNC, CHANGES, ADMIN)));
	}

	@ParameterizedTest(name = "{0} sees {1}")
	@MethodSource("menus")
	void eachRoleSeesExactlyItsSections(Role role, List<Section> expected) {
		assertThat(Section.visibleTo(role)).containsExactlyElementsOf(expected);
	}

	@ParameterizedTest(name = "{0} belongs to {1}")
	@CsvSource({
			"/, DASHBOARD",
			"/numbers, NUMBERS",
			"/numbers/42, NUMBERS",
			"/numbers/buyer, NUMBERS",
			"/approvals, APPROVALS",
			"/sync, SYNC",
			"/changes, CHANGES",
			"/admin/users, ADMIN",
			"/admin/tokens, ADMIN" })
	void pathsBelongToOneSection(String path, Section expected) {
		assertThat(Stream.of(Section.values()).filter(section -> section.contains(path)))
			.containsExactly(expected);
	}

	@Test
	void lookalikePathsBelongToNoSection() {
		assertThat(Stream.of(Section.values()).filter(section -> section.contains("/numbersx"))).isEmpty();
		assertThat(Stream.of(Section.values()).filter(section -> section.contains("/administrator"))).isEmpty();
	}

	@Test
	void buyingIsGuardedBeforeTheNumbersAroundIt() {
		List<Section> order = Section.mostSpecificFirst();
		assertThat(order.indexOf(Section.BUY)).isLessThan(order.indexOf(NUMBERS));
		assertThat(order).last().isEqualTo(DASHBOARD);
		assertThat(Section.BUY.urlPatterns()).containsExactly("/numbers/buy", "/numbers/buy/**");
		assertThat(Section.BUY.openTo(Role.ADMIN)).isTrue();
		assertThat(Section.BUY.openTo(Role.OPERATOR)).isFalse();
	}

	@Test
	void whatSpansEveryTeamIsGuardedBeforeTheAdminSectionAroundIt() {
		List<Section> order = Section.mostSpecificFirst();
		for (Section fleetWide : List.of(PROVIDERS, ALERTS)) {
			assertThat(fleetWide.forAdminsOfEveryTeam()).isTrue();
			assertThat(order.indexOf(fleetWide)).isLessThan(order.indexOf(ADMIN));
			assertThat(ADMIN.contains(fleetWide.href())).as("the menu keeps Admin lit on its tabs").isTrue();
		}
		assertThat(PROVIDERS.contains("/admin/providers/faults/clear")).isTrue();
		assertThat(Stream.of(Section.values()).filter(Section::forAdminsOfEveryTeam)).containsExactly(PROVIDERS, ALERTS);
	}

	@Test
	void theDashboardGuardsOnlyTheRoot() {
		assertThat(DASHBOARD.urlPatterns()).containsExactly("/");
		assertThat(ADMIN.urlPatterns()).containsExactly("/admin", "/admin/**");
	}
}
