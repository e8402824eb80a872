package com.numberops.portal.changes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.numberops.portal.support.PortalIntegrationTest;

/**
 * {@code /numbers/buy} over the real filter chain: admins only, a search by area code with its
 * costs, a cart kept in the form, and bad input or a refused rent answered on the page with a
 * 400 and nothing bought.
 */
class BuyPageTests extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	String html(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
		return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
	}

	@Test
	void onlyAdminsMayBuy() throws Exception {
		mvc.perform(get("/numbers/buy").with(as("operator"))).andExpect(status().isForbidden());
		mvc.perform(get("/numbers/buy").with(as("viewer"))).andExpect(status().isForbidden());
		mvc.perform(post("/numbers/buy").with(as("operator")).with(csrf()).param("cart", "+12065550101"))
			.andExpect(status().isForbidden());
		assertThat(html(get("/numbers").with(as("admin")), 200)).contains("id=\"buy-numbers\"");
		assertThat(html(get("/numbers").with(as("operator")), 200)).doesNotContain("id=\"buy-numbers\"");
	}

	@Test
	void searchesByAreaCodeAndKeepsTheCart() throws Exception {
		String page = html(get("/numbers/buy").with(as("admin"))
			.param("type", "LOCAL")
			.param("region", "US")
			.param("match", "STARTS")
			.param("pattern", "305")
			.param("action", "search"), 200);
		assertThat(page).contains("id=\"buy-results\"", "+13055550101", "1.00 USD", "Spent today on new numbers");
		assertThat(page).contains("United States (US)");

		String withCart = html(get("/numbers/buy").with(as("admin"))
			.param("pattern", "305")
			.param("add", "+13055550101"), 200);
		assertThat(withCart).contains("id=\"cart-13055550101\"", "Due today (setup and first month): 1.00 USD");

		String removed = html(get("/numbers/buy").with(as("admin"))
			.param("cart", "+13055550101")
			.param("remove", "+13055550101"), 200);
		assertThat(removed).contains("id=\"buy-cart-empty\"");
	}

	@Test
	void aChangeOfTypeListsTheRegionsThatSellIt() throws Exception {
		String mobile = html(get("/numbers/buy/regions").with(as("admin")).header("HX-Request", "true").param("type", "MOBILE"),
				200);
		assertThat(mobile).contains("id=\"buy-region\"", "value=\"US\"", "value=\"GB\"").doesNotContain("value=\"CA\"");
		assertThat(mobile).doesNotContain("<html");
		mvc.perform(get("/numbers/buy/regions").with(as("operator")).param("type", "MOBILE"))
			.andExpect(status().isForbidden());
	}

	@Test
	void checksOneNumber() throws Exception {
		assertThat(html(get("/numbers/buy").with(as("admin")).param("check", "+13055550102").param("action", "check"), 200))
			.contains("+13055550102 is for sale");
		assertThat(html(get("/numbers/buy").with(as("admin")).param("check", "+13055559999").param("action", "check"), 200))
			.contains("+13055559999 is not for sale");
	}

	@Test
	void badInputIsAnsweredOnThePage() throws Exception {
		assertThat(html(get("/numbers/buy").with(as("admin")).param("pattern", "20x6").param("action", "search"), 400))
			.contains("Type digits only");
		long before = jdbc.queryForObject("select count(*) from pending_changes where kind = 'RENT'", Long.class);
		assertThat(html(post("/numbers/buy").with(as("admin")).with(csrf()).param("cart", "+13055550103"), 400))
			.contains("Choose an SMS service plan, a voice app, or both");
		assertThat(html(post("/numbers/buy").with(as("admin")).with(csrf()), 400))
			.contains("Add at least one number to the cart.");
		assertThat(jdbc.queryForObject("select count(*) from pending_changes where kind = 'RENT'", Long.class))
			.isEqualTo(before);
	}
}
