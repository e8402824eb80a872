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
 * ends FAILED. As at Sinch, linking a service plan or campaign the project does not have
 * ({@code sinch_project_sms}: those of its seeded numbers, plus configuration) ends FAILED with
 * {@code SMS_PROVISIONING_FAILED} or {@code CAMPAIGN_NOT_AVAILABLE}. Otherwise a job fails with the
 * fault registry's {@code provisioningFailureRate} (per endpoint: {@code patch}, {@code rent}; or
 * {@code "*"}).
 *
 * <p>Callbacks go only to this portal's own webhook or to hosts allowed by
 * {@code portal.sandbox.callback-hosts} ({@link com.numberops.portal.sandbox.sinch.CallbackTargets}).
 *
 * <p>Readings of the seeds a client must match (each deliberate, each tested):
 * <ul>
 * <li>every response field is present: unset strings {@code ""}, unset objects and timestamps
 * {@code null}; {@code nextPageToken} is {@code ""} on the last page;</li>
 * <li>seed 000 types an imported number's {@code scheduledProvisioning.status} as an integer: it is
 * the enum's position in seed 001 (1 WAITING, 2 IN_PROGRESS, 3 FAILED); active numbers use the names;</li>
 * <li>{@code smsConfiguration.servicePlanId} is required in an active number's PATCH / rent (seed
 * 001/002 mark it so), not in an imported number's (seed 000 does not);</li>
 * <li>a field the resource does not have is a 400 naming it; read-only fields are ignored;</li>
 * <li>{@code numberPattern.searchPattern=START} compares with the whole number including its
 * {@code +} (sent as {@code %2B}); without a search pattern the digits may be anywhere;</li>
 * <li>a new SMS (voice) change while a job runs is a 400 INVALID_ARGUMENT on
 * {@code smsConfiguration} ({@code voiceConfiguration}), except a repeat of the running job's own
 * request, which is accepted so that a retried PATCH does not fail;</li>
 * <li>imported numbers are listed with both {@code servicePlanId} and {@code campaignId}; an empty
 * value matches numbers not linked to one.</li>
 * </ul>
 */
@NullMarked
package com.numberops.portal.sandbox.sinch;

import org.jspecify.annotations.NullMarked;
