/**
 * The Sinch part of the sandbox: Numbers API v1 (active numbers, available numbers and regions,
 * seeds 002/001) under {@code /sandbox/sinch}, imported numbers (seed 000) under
 * {@code /sandbox/sinch-imported}, and the OAuth2 token endpoint under {@code /sandbox/sinch-auth}.
 *
 * <p>Every rule the simulated carrier enforces lives in {@link com.numberops.portal.sandbox.sinch.SinchRules};
 * {@link com.numberops.portal.sandbox.sinch.SinchSandbox} applies them to the sandbox tables, and
 * {@link com.numberops.portal.sandbox.sinch.SinchProvisioning} moves scheduled provisioning jobs on
 * (WAITING → IN_PROGRESS → applied or FAILED) without ever sleeping.
 *
 * <p>Deterministic failure hooks, for tests and demos: linking campaign {@code CFAILED1} always
 * ends FAILED with {@code CAMPAIGN_NOT_AVAILABLE}; linking service plan {@code SPFAILED1} always
 * ends FAILED with {@code SMS_PROVISIONING_FAILED}; assigning voice app {@code VFAILED1} always
 * ends FAILED. Otherwise a job fails with the fault registry's {@code provisioningFailureRate}.
 */
@NullMarked
package com.numberops.portal.sandbox.sinch;

import org.jspecify.annotations.NullMarked;
