package com.numberops.portal.providers.sinch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.numberops.portal.providers.ProvidersProperties.SinchAuth;
import com.numberops.portal.providers.ProvidersProperties;
import com.numberops.portal.providers.SandboxAddress;

import tools.jackson.databind.json.JsonMapper;

/** Live or sandbox, from the configuration alone; nothing is asked of the sandbox while beans are made. */
class SinchAccountUnitTest {

	private static final ProvidersProperties.Http HTTP = new ProvidersProperties.Http(Duration.ofSeconds(3),
			Duration.ofSeconds(15), 4, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(30));

	private static final Supplier<SandboxAddress> NO_SANDBOX = () -> {
		throw new AssertionError("the sandbox's address must not be asked for");
	};

	@Test
	void aKeyIdMeansTheLiveProjectAndNeverTheSandbox() {
		for (SinchAuth auth : SinchAuth.values()) {
			SinchAccount account = SinchAccount.of(live("proj-1", "key-1", "secret-1", auth), HTTP, NO_SANDBOX);
			SinchActiveNumbers active = new SinchActiveNumbers(account, List.of("US"), List.of("LOCAL"), HTTP,
					JsonMapper.builder().build());
			SinchImportedNumbers imported = new SinchImportedNumbers(account, List.of(), HTTP, JsonMapper.builder().build());

			assertThat(account.sandbox()).isFalse();
			assertThat(active.accountRef()).isEqualTo("proj-1");
			assertThat(active.sandbox()).isFalse();
			assertThat(imported.scopes()).as("live: only what is configured").isEmpty();
			assertThat(account.toString()).doesNotContain("secret-1");
		}
	}

	@Test
	void withoutAKeyIdItIsTheSandboxProjectWhoseAddressIsAskedForOnFirstUse() {
		SinchAccount account = SinchAccount.of(live("", "", "", SinchAuth.OAUTH), HTTP, NO_SANDBOX);

		assertThat(account.sandbox()).isTrue();
		assertThat(account.projectId()).isEqualTo(ProvidersProperties.SANDBOX_SINCH_PROJECT);
	}

	@Test
	void aLiveKeyWithoutProjectOrSecretStopsTheStart() {
		assertThatThrownBy(() -> SinchAccount.of(live("", "key-1", "secret-1", SinchAuth.BASIC), HTTP, NO_SANDBOX))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("SINCH_PROJECT_ID");
		assertThatThrownBy(() -> SinchAccount.of(live("proj-1", "key-1", "", SinchAuth.BASIC), HTTP, NO_SANDBOX))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("SINCH_KEY_SECRET");
	}

	private static ProvidersProperties.Sinch live(String project, String keyId, String secret, SinchAuth auth) {
		return new ProvidersProperties.Sinch(project, keyId, secret, auth, "", "", "", List.of("US"), List.of("LOCAL"),
				List.of(), "");
	}
}
