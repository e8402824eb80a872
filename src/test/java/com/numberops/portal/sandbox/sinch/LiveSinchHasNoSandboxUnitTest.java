package com.numberops.portal.sandbox.sinch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LiveSinchHasNoSandboxUnitTest {

	@Test
	void withLiveCredentialsThereAreNoSinchSandboxRoutes() {
		new ApplicationContextRunner().withPropertyValues("portal.providers.sinch.key-id=live-key")
			.withUserConfiguration(SinchActiveNumbersController.class, SinchImportedNumbersController.class,
					SinchTokenController.class, SinchUnknownPaths.class, SinchSandbox.class, SinchProvisioning.class, SinchCallbacks.class)
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(SinchActiveNumbersController.class);
				assertThat(context).doesNotHaveBean(SinchImportedNumbersController.class);
				assertThat(context).doesNotHaveBean(SinchTokenController.class);
				assertThat(context).doesNotHaveBean(SinchUnknownPaths.class);
				assertThat(context).doesNotHaveBean(SinchSandbox.class);
			});
	}
}
