package com.numberops.portal.numbers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The Numbers page's canonical URLs: what gets pushed into history, shared and exported. */
class InventoryLinksUnitTest {

	@Test
	void keepsKnownNonBlankParametersInOneOrder() {
		Map<String, String> raw = new LinkedHashMap<>();
		raw.put("sort", "name");
		raw.put("provider", "SINCH");
		raw.put("region", "");
		raw.put("q", "  555 ");
		raw.put("utm_source", "mail");
		raw.put("after", "abc");
		InventoryLinks links = InventoryLinks.of(raw);
		assertThat(links.self()).isEqualTo("/numbers?q=555&provider=SINCH&sort=name&after=abc");
		assertThat(links.firstPage()).isEqualTo("/numbers?q=555&provider=SINCH&sort=name");
		// a link without the page's position (an old bookmark) leads on without one
		assertThat(links.next("xyz", 50)).isEqualTo("/numbers?q=555&provider=SINCH&sort=name&after=xyz");
		assertThat(links.from()).isNull();
		assertThat(links.export()).isEqualTo("/numbers/export.csv?q=555&provider=SINCH&sort=name");
		assertThat(links.filtered()).isTrue();
		assertThat(links.paged()).isTrue();
	}

	@Test
	void pagesCarryTheirPositionBothWays() {
		InventoryLinks first = InventoryLinks.of(Map.of("state", "Available", "size", "50"));
		assertThat(first.from()).isEqualTo(1L);
		assertThat(first.next("c1", 50)).isEqualTo("/numbers?state=Available&size=50&after=c1&from=51");
		InventoryLinks second = InventoryLinks.of(Map.of("state", "Available", "size", "50", "after", "c1", "from", "51"));
		assertThat(second.previous("c0", 50)).isEqualTo("/numbers?state=Available&size=50&before=c0&from=1");
		assertThat(second.next("c2", 50)).isEqualTo("/numbers?state=Available&size=50&after=c2&from=101");
		assertThat(second.firstPage()).isEqualTo("/numbers?state=Available&size=50");
		assertThat(InventoryLinks.of(Map.of("after", "c1", "from", "-3")).from()).as("nonsense is no position").isNull();
		assertThat(InventoryLinks.of(Map.of("before", "c1", "from", "7")).previous("c0", 50)).endsWith("before=c0&from=1");
	}

	@Test
	void aPlusAndOtherSpecialCharactersSurviveTheRoundTrip() {
		InventoryLinks links = InventoryLinks.of(Map.of("q", "+1 (206) & =x", "state", "Internal/test-only"));
		assertThat(links.self()).isEqualTo("/numbers?q=%2B1+%28206%29+%26+%3Dx&state=Internal%2Ftest-only");
	}

	@Test
	void sortAndPagingAloneAreNotAFilter() {
		InventoryLinks links = InventoryLinks.of(Map.of("sort", "health", "size", "25"));
		assertThat(links.filtered()).isFalse();
		assertThat(links.export()).isEqualTo("/numbers/export.csv?sort=health");
		assertThat(InventoryLinks.of(Map.of()).self()).isEqualTo("/numbers");
	}
}
