package com.numberops.portal.providers.flowroute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.numberops.portal.providers.Offer;
import com.numberops.portal.providers.OfferSearch;
import com.numberops.portal.providers.ProviderError;
import com.numberops.portal.providers.ProviderKind;
import com.numberops.portal.providers.ProviderNumber;
import com.numberops.portal.providers.RentSetup;
import com.numberops.portal.sandbox.SandboxDatabase;
import com.numberops.portal.support.PortalIntegrationTest;

/** The Flowroute adapter's shop (v2 available numbers and purchase) over HTTP against the sandbox. */
class FlowrouteShopContractTests extends PortalIntegrationTest {

	@Autowired
	FlowrouteNumbers flowroute;

	@Autowired
	SandboxDatabase sandbox;

	private String bought = "";

	@AfterEach
	void giveBack() {
		if (!bought.isEmpty()) {
			sandbox.jdbc().sql("delete from flowroute_numbers where id = ?").param(bought).update();
		}
	}

	@Test
	void searchesByAreaCodeWithCostsAndPlace() {
		var offers = flowroute.search(new OfferSearch("US", "LOCAL", Set.of(), "512", OfferSearch.Match.STARTS, 20));
		assertThat(offers).hasSize(20).allSatisfy(offer -> {
			assertThat(offer.provider()).isEqualTo(ProviderKind.FLOWROUTE);
			assertThat(offer.providerNumberId()).startsWith("1512");
			assertThat(offer.number()).isEqualTo("+" + offer.providerNumberId());
			assertThat(offer.currency()).isEqualTo("USD");
			assertThat(offer.monthlyPrice()).isEqualByComparingTo("1.25");
			assertThat(offer.place()).isEqualTo("austtx0101, TX");
		});
		assertThat(offers).anySatisfy(offer -> assertThat(offer.setupPrice()).isEqualByComparingTo("199.95"));
		assertThat(flowroute.search(new OfferSearch("US", "LOCAL", Set.of(), "0139", OfferSearch.Match.ENDS, 200)))
			.isNotEmpty()
			.allSatisfy(offer -> assertThat(offer.providerNumberId()).endsWith("0139"));
	}

	@Test
	void aRefusedSearchIsFlowroutesErrorRead() {
		ProviderError error = catchThrowableOfType(ProviderError.class,
				() -> flowroute.search(new OfferSearch("US", "LOCAL", Set.of(), "12345678901234", OfferSearch.Match.CONTAINS, 10)));
		assertThat(error.httpStatus()).isEqualTo(400);
		assertThat(error.getMessage()).contains("contains must be 1 to 11 digits");
	}

	@Test
	void buysANumberOnceAndItIsTheAccountsThen() {
		Offer offer = flowroute.search(new OfferSearch("US", "LOCAL", Set.of(), "604", OfferSearch.Match.STARTS, 1))
			.stream()
			.findFirst()
			.orElseGet(() -> flowroute.search(new OfferSearch("CA", "LOCAL", Set.of(), "604", OfferSearch.Match.STARTS, 1))
				.get(0));
		assertThat(flowroute.offer(offer.providerNumberId())).isPresent();
		ProviderNumber number = flowroute.rent(offer.providerNumberId(), new RentSetup(null, null, null));
		bought = number.providerNumberId();
		assertThat(number.providerNumberId()).isEqualTo(offer.providerNumberId());
		assertThat(flowroute.get(bought).number()).isEqualTo(offer.number());
		assertThat(flowroute.offer(bought)).isEmpty();

		ProviderError again = catchThrowableOfType(ProviderError.class,
				() -> flowroute.rent(bought, new RentSetup(null, null, null)));
		assertThat(again.httpStatus()).isEqualTo(409);
		assertThat(again.getMessage()).contains("already on this account");
		ProviderError gone = catchThrowableOfType(ProviderError.class,
				() -> flowroute.rent("12995550000", new RentSetup(null, null, null)));
		assertThat(gone.httpStatus()).isEqualTo(404);
		assertThat(gone.getMessage()).contains("not available for purchase");
	}

	@Test
	void aPlanOrVoiceAppIsRefusedBeforeAnythingIsSent() {
		ProviderError error = catchThrowableOfType(ProviderError.class,
				() -> flowroute.rent("12065550101", new RentSetup("sp-growth-01", null, null)));
		assertThat(error.providerCode()).isEqualTo("NOT_SUPPORTED");
		assertThat(flowroute.offer("12065550101")).isPresent();
	}
}
