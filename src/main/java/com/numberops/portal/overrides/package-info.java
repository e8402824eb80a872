/**
 * Admin enablement overrides: an operator requests one (force enabled or force disabled, with a
 * reason), another admin approves or rejects it, an admin may clear it. Plain rules
 * ({@link com.numberops.portal.overrides.OverrideRules}) decide who may do what; the service
 * applies an approval to the number (seed 003's adminEnablementOverride), recomputes its derived
 * states and tells listeners that its effective enablement changed, all in one transaction.
 */
@NullMarked
package com.numberops.portal.overrides;

import org.jspecify.annotations.NullMarked;
