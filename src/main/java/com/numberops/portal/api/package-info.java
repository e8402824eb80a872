/** The portal as a JSON service (seed 003): resources under /api for other systems, personal API tokens' clients. */
package com.numberops.portal.api;
