package com.numberops.portal.providers.sinch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.numberops.portal.providers.Offer;
import com.numberops.portal.providers.OfferRegion;
import com.numberops.portal.providers.OfferSearch;
import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.providers.RentSetup;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.support.PortalIntegrationTest;
import com.numberops.portal.support.SandboxSinchProject;

/**
 * The Sinch adapter's shop (seed 002: availableNumbers search and get, :rent, availableRegions),
 * over HTTP against the running sandbox, refusals included in Sinch's error body as the adapter
 * reads it.
 */
class SinchAvailableNumbersContractTests extends PortalIntegrationTest {

	private static final String AREA = "+1299";

	@Autowired
	private SinchActiveNumbers sinch;

	@Autowired
	private SandboxDatabase sandbox;

	private SandboxSinchRows rows;

	@BeforeEach
	void ownRows() {
		rows = new SandboxSinchRows(sandbox);
		SandboxSinchProject.has(sandbox.jdbc(), "sp-shop", "CSHOP");
		SandboxSinchProject.hasVoiceApp(sandbox.jdbc(), "app-shop");
	}

	@AfterEach
	void cleanUp() {
		rows.deleteCreated();
	}

	@Test
	void regionsComeFromAvailableRegionsFilteredByType() {
		assertThat(sinch.regions(null)).extracting(OfferRegion::regionCode).containsExactly("US", "CA", "GB");
		assertThat(sinch.regions("MOBILE")).extracting(OfferRegion::regionCode).containsExactly("US", "GB");
		OfferRegion us = sinch.regions(null).get(0);
		assertThat(us.regionName()).isEqualTo("United States");
		assertThat(us.types()).contains("LOCAL", "MOBILE", "TOLL_FREE");
	}

	@Test
	void searchesByAreaCodeContainedDigitsOrEndingWithPrices() {
		String both = rows.offer(AREA, "SMS,VOICE", "0.00", "1.00");
		String voiceOnly = rows.offer(AREA, "VOICE", "25.00", "1.50");

		List<Offer> byArea = sinch.search(new OfferSearch("US", "LOCAL", Set.of(), AREA, OfferSearch.Match.STARTS, 100));
		assertThat(byArea).extracting(Offer::number).containsExactlyInAnyOrder(both, voiceOnly);
		Offer dear = byArea.stream().filter(o -> o.number().equals(voiceOnly)).findFirst().orElseThrow();
		assertThat(dear.provider()).isEqualTo(ProviderKind.SINCH);
		assertThat(dear.setupPrice()).isEqualByComparingTo("25.00");
		assertThat(dear.monthlyPrice()).isEqualByComparingTo("1.50");
		assertThat(dear.currency()).isEqualTo("USD");
		assertThat(dear.firstCharge()).isEqualByComparingTo(new BigDecimal("26.50"));
		assertThat(dear.capabilities()).containsExactly("VOICE");

		assertThat(sinch.search(new OfferSearch("US", "LOCAL", Set.of("SMS"), AREA, OfferSearch.Match.STARTS, 100)))
			.extracting(Offer::number)
			.containsExactly(both);
		String tail = both.substring(both.length() - 6);
		assertThat(sinch.search(new OfferSearch("US", "LOCAL", Set.of(), tail, OfferSearch.Match.ENDS, 100)))
			.extracting(Offer::number)
			.contains(both);
		assertThat(sinch.search(new OfferSearch("US", "LOCAL", Set.of(), both.substring(5, 11),
				OfferSearch.Match.CONTAINS, 100))).extracting(Offer::number).contains(both);
	}

	@Test
	void theSharedPoolHoldsSeveralAreaCodesPerRegionAndType() {
		assertThat(sinch.search(new OfferSearch("US", "LOCAL", Set.of(), "+1206", OfferSearch.Match.STARTS, 10)))
			.hasSize(10)
			.allSatisfy(offer -> assertThat(offer.number()).startsWith("+1206"));
		assertThat(sinch.search(new OfferSearch("US", "LOCAL", Set.of(), "+1312", OfferSearch.Match.STARTS, 10)))
			.isNotEmpty();
		assertThat(sinch.search(new OfferSearch("US", "LOCAL", Set.of(), "617", OfferSearch.Match.STARTS, 10)))
			.as("an area code as people type it: the adapter makes it the E.164 start Sinch compares with")
			.isNotEmpty()
			.allSatisfy(offer -> assertThat(offer.number()).startsWith("+1617"));
		assertThat(sinch.search(new OfferSearch("CA", "LOCAL", Set.of(), "+1416", OfferSearch.Match.STARTS, 10)))
			.allSatisfy(offer -> assertThat(offer.currency()).isEqualTo("CAD"))
			.isNotEmpty();
		assertThat(sinch.search(new OfferSearch("US", "TOLL_FREE", Set.of(), null, OfferSearch.Match.STARTS, 500)))
			.extracting(Offer::number)
			.anyMatch(number -> number.startsWith("+1833"))
			.anyMatch(number -> number.startsWith("+1844"));
	}

	@Test
	void checksOneNumber() {
		String number = rows.offer(AREA, "SMS,VOICE", "0.00", "1.00");
		assertThat(sinch.offer(number)).get().extracting(Offer::number).isEqualTo(number);
		assertThat(sinch.offer("+12995550000")).isEmpty();
	}

	@Test
	void aBadSearchIsSinchsInvalidArgumentWithItsFieldViolation() {
		ProviderError error = catchThrowableOfType(ProviderError.class,
				() -> sinch.search(new OfferSearch("usa", "LOCAL", Set.of(), null, OfferSearch.Match.STARTS, 10)));
		assertThat(error.httpStatus()).isEqualTo(400);
		assertThat(error.providerCode()).isEqualTo("INVALID_ARGUMENT");
		assertThat(error.getMessage()).contains("regionCode");
		assertThat(error.retryable()).isFalse();
	}

	@Test
	void rentingSendsOnlyTheConfigurationWantedAndStartsItsProvisioning() {
		String number = rows.offer(AREA, "SMS,VOICE", "0.00", "1.00");
		ProviderNumber rented = sinch.rent(number, new RentSetup("sp-shop", "CSHOP", null));
		assertThat(rented.number()).isEqualTo(number);
		assertThat(rented.smsProvisioning()).isNotNull();
		assertThat(rented.smsProvisioning().running()).isTrue();
		assertThat(rented.voiceProvisioning()).as("no voiceConfiguration was sent").isNull();
		assertThat(sinch.get(number).number()).as("the project's now").isEqualTo(number);
		assertThat(sinch.offer(number)).isEmpty();

		ProviderError again = catchThrowableOfType(ProviderError.class,
				() -> sinch.rent(number, new RentSetup("sp-shop", null, null)));
		assertThat(again.httpStatus()).as("taken: no longer for rent").isEqualTo(404);
		assertThat(again.providerCode()).isEqualTo("NOT_FOUND");
	}

	@Test
	void rentingRefusesWhatTheProjectDoesNotHaveAndTakesNothing() {
		String number = rows.offer(AREA, "SMS,VOICE", "0.00", "1.00");
		ProviderError plan = catchThrowableOfType(ProviderError.class,
				() -> sinch.rent(number, new RentSetup("sp-not-ours", null, null)));
		assertThat(plan.httpStatus()).isEqualTo(400);
		assertThat(plan.providerCode()).isEqualTo("INVALID_ARGUMENT");
		assertThat(plan.getMessage()).contains("smsConfiguration.servicePlanId");

		ProviderError app = catchThrowableOfType(ProviderError.class,
				() -> sinch.rent(number, new RentSetup(null, null, "app-not-ours")));
		assertThat(app.getMessage()).contains("voiceConfiguration.appId");

		String voiceOnly = rows.offer(AREA, "VOICE", "0.00", "1.00");
		ProviderError sms = catchThrowableOfType(ProviderError.class,
				() -> sinch.rent(voiceOnly, new RentSetup("sp-shop", null, null)));
		assertThat(sms.getMessage()).as("smsConfiguration on a voice-only number").contains("smsConfiguration");

		assertThat(sinch.offer(number)).as("still for rent").isPresent();
		assertThat(sinch.offer(voiceOnly)).isPresent();
	}
}
