package com.numberops.portal.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import com.numberops.portal.support.PortalIntegrationTest;

/** The accounts the mirror follows, registered from the configured adapters, and their connection test. */
class ProviderAccountsTests extends PortalIntegrationTest {

	@Autowired
	ProviderAccounts accounts;

	@Autowired
	ConnectionCheck connections;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Test
	void everyAdapterHasItsAccountInSandboxMode() {
		assertThat(accounts.all()).extracting(ProviderAccount::provider)
			.containsExactly(ProviderKind.FLOWROUTE, ProviderKind.SINCH, ProviderKind.SINCH_IMPORTED);
		assertThat(accounts.all()).allMatch(ProviderAccount::sandbox);
		assertThat(accounts.all()).allMatch(account -> accounts.adapterFor(account).isPresent());
		assertThat(accounts.all()).extracting(ProviderAccount::accountRef)
			.containsExactly(ProvidersProperties.SANDBOX_FLOWROUTE_KEY, ProvidersProperties.SANDBOX_SINCH_PROJECT,
					ProvidersProperties.SANDBOX_SINCH_PROJECT);
	}

	@Test
	void registeringAgainChangesNothing() {
		var before = accounts.all();
		accounts.register();
		assertThat(accounts.all()).isEqualTo(before);
	}

	@Test
	@WithUserDetails("admin")
	void everySandboxAccountAnswersTheConnectionTest() {
		for (ProviderAccount account : accounts.all()) {
			ConnectionCheck.Result result = connections.test(account.id());
			assertThat(result.ok()).as(account.name() + ": " + result.message()).isTrue();
			if (account.provider() != ProviderKind.FLOWROUTE) {
				// Flowroute's listing has no total; Sinch's has totalSize
				assertThat(result.totalSize()).as(account.name()).isNotNull();
			}
		}
	}

	@Test
	@WithUserDetails("operator")
	void onlyAdminsTestConnections() {
		long id = accounts.all().get(0).id();
		assertThatThrownBy(() -> connections.test(id)).isInstanceOf(AuthorizationDeniedException.class);
	}

	@Test
	void theTestButtonAnswersAFragmentForAdminsOnly() throws Exception {
		long id = accounts.all().get(0).id();
		mvc.perform(post("/admin/providers/{id}/test", id).with(user(userDetails.loadUserByUsername("admin"))).with(csrf())
			.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-ok=\"true\"")));
		mvc.perform(post("/admin/providers/{id}/test", id).with(user(userDetails.loadUserByUsername("operator"))).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/providers/{id}/test", 987_654).with(user(userDetails.loadUserByUsername("admin"))).with(csrf()))
			.andExpect(status().isNotFound());
	}
}
