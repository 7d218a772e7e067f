package io.tidings.webconsole.page;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

import io.tidings.api.link.EngagementSummary;

public class RulePagesTest {

    @Test
    public void engagementIsWordedAsADashboardWordsIt() {
        assertEquals("none sent", RulePages.engagement(new EngagementSummary("offer", 0, 0, 0)));
        assertEquals("12 sent, 50% opened, 17% clicked", RulePages.engagement(new EngagementSummary("offer", 12, 6, 2)));
        assertEquals("3 sent, 0% opened, 0% clicked", RulePages.engagement(new EngagementSummary("offer", 3, 0, 0)));
    }
}
