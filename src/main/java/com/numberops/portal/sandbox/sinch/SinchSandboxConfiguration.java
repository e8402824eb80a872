package com.numberops.portal.sandbox.sinch;

import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.numberops.portal.sandbox.SandboxConditions;

/**
 * The simulated Sinch's beans exist only without live Sinch credentials. Scheduling drives the
 * provisioning sweeper ({@link SinchProvisioning#sweep()}); enabling it twice elsewhere is harmless.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SandboxConditions.Sinch.class)
@EnableScheduling
class SinchSandboxConfiguration {
}
