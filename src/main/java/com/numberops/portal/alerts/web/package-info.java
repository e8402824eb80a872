@NullMarked
package com.numberops.portal.alerts.web;

import org.jspecify.annotations.NullMarked;
