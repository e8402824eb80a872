package com.numberops.portal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The portal's modules (each direct subpackage of {@code com.numberops.portal}) as Spring Modulith
 * sees them in the compiled classes: no cycle between modules, and no module reaching into another's
 * subpackages except through what that module exposes (its top-level package, or a type it names
 * with {@code @NamedInterface}). Plain JUnit: no Spring context, no database.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(PortalApplication.class);

	@Test
	void modulesHaveNoCyclesAndUseOnlyWhatOthersExpose() {
		MODULES.verify();
	}
}
