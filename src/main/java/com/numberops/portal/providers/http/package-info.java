/** What every carrier adapter shares: timeouts, error translation, retries. */
@NullMarked
package com.numberops.portal.providers.http;

import org.jspecify.annotations.NullMarked;
