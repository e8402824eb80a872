package com.numberops.portal.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.numberops.portal.numbers.FieldProblem;
import com.numberops.portal.providers.Offer;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.RentSetup;

/** What a rent must hold before anything is bought, case by case: the field refused, or none. */
class RentRulesUnitTest {

	static final Offer US_BOTH = offer("US", "SMS", "VOICE");

	static final Offer US_VOICE = offer("US", "VOICE");

	static final Offer US_SMS = offer("US", "SMS");

	static final Offer GB_BOTH = offer("GB", "SMS", "VOICE");

	static Offer offer(String region, String... capabilities) {
		return new Offer(ProviderKind.SINCH, "+15550000000", "+15550000000", region, "LOCAL", Set.of(capabilities),
				BigDecimal.ZERO, BigDecimal.ONE, "USD", 1, false, null);
	}

	static Stream<Arguments> cases() {
		RentSetup sms = new RentSetup("sp-1", null, null);
		RentSetup tenDlc = new RentSetup("sp-1", "C1", null);
		RentSetup voice = new RentSetup(null, null, "app-1");
		RentSetup none = new RentSetup(null, null, null);
		return Stream.of(Arguments.of("SMS plan and campaign on a US number", ProviderKind.SINCH, List.of(US_BOTH), tenDlc, null),
				Arguments.of("voice app alone", ProviderKind.SINCH, List.of(US_VOICE), voice, null),
				Arguments.of("nothing to set up at Sinch", ProviderKind.SINCH, List.of(US_BOTH), none, "servicePlanId"),
				Arguments.of("a campaign without a plan", ProviderKind.SINCH, List.of(US_BOTH), new RentSetup(null, "C1", "app-1"),
						"campaignId"),
				Arguments.of("SMS on a voice-only number", ProviderKind.SINCH, List.of(US_VOICE), sms, "servicePlanId"),
				Arguments.of("a voice app on an SMS-only number", ProviderKind.SINCH, List.of(US_SMS), voice, "voiceAppId"),
				Arguments.of("a 10DLC campaign on a GB number", ProviderKind.SINCH, List.of(GB_BOTH), tenDlc, "campaignId"),
				Arguments.of("Flowroute, bare", ProviderKind.FLOWROUTE, List.of(US_BOTH), none, null),
				Arguments.of("Flowroute with a plan", ProviderKind.FLOWROUTE, List.of(US_BOTH), sms, "servicePlanId"),
				Arguments.of("an empty cart", ProviderKind.SINCH, List.of(), sms, "numbers"),
				Arguments.of("a cart too long", ProviderKind.SINCH, Collections.nCopies(11, US_BOTH), sms, "numbers"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void refusedFieldOrNone(String name, ProviderKind carrier, List<Offer> cart, RentSetup setup, String refused) {
		List<FieldProblem> problems = RentRules.check(carrier, cart, List.of(), setup, null, Set.of(), 10);
		if (refused == null) {
			assertThat(problems).isEmpty();
		}
		else {
			assertThat(problems).extracting(FieldProblem::field).contains(refused);
		}
	}

	@Test
	void aNumberNoLongerForSaleIsNamed() {
		assertThat(RentRules.check(ProviderKind.SINCH, List.of(US_BOTH), List.of("+12065550100"),
				new RentSetup("sp-1", null, null), null, Set.of(), 10))
			.singleElement()
			.satisfies(problem -> assertThat(problem.message()).contains("+12065550100 is no longer for sale"));
	}

	@Test
	void aTeamLimitedAdminBuysForTheirTeamsOnly() {
		RentSetup sms = new RentSetup("sp-1", null, null);
		assertThat(RentRules.check(ProviderKind.SINCH, List.of(US_BOTH), List.of(), sms, 7L, Set.of(7L), 10)).isEmpty();
		assertThat(RentRules.check(ProviderKind.SINCH, List.of(US_BOTH), List.of(), sms, 8L, Set.of(7L), 10))
			.extracting(FieldProblem::field)
			.containsExactly("teamId");
		assertThat(RentRules.check(ProviderKind.SINCH, List.of(US_BOTH), List.of(), sms, null, Set.of(7L), 10))
			.extracting(FieldProblem::field)
			.containsExactly("teamId");
		assertThat(RentRules.check(ProviderKind.SINCH, List.of(US_BOTH), List.of(), sms, null, Set.of(), 10)).isEmpty();
	}

	@Test
	void severalNumbersAreNumberedUnderOneName() {
		assertThat(RentRules.name("Growth line", 0, 1)).isEqualTo("Growth line");
		assertThat(RentRules.name("Growth line", 1, 3)).isEqualTo("Growth line 2");
		assertThat(RentRules.name("  ", 0, 1)).isNull();
	}
}
