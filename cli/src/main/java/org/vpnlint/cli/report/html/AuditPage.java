package org.vpnlint.cli.report.html;

import java.util.List;

/**
 * Everything the audit page shows, already worded and redacted, in the order it is shown; the template
 * ({@code src/main/jte/audit.jte}) only lays it out. Coordinates of the drawing are whole pixels.
 */
public record AuditPage(
        String version,
        Summary summary,
        Drawing drawing,
        List<String> propertyTitles,
        List<TunnelRow> tunnels,
        List<RouterFindings> findings,
        List<RuleDoc> rules) {

    /** The head of the page: counts, what could not be read, and which rules ran. */
    public record Summary(
            int routers,
            int files,
            int tunnels,
            int pairs,
            long errors,
            long warnings,
            long notes,
            int suppressed,
            int baselined,
            List<Count> byStatus,
            List<Count> byRule,
            List<Note> unread,
            List<String> rulesRun,
            List<String> internalFailures) {}

    /** A labelled count; {@code cssClass} colours it (a tunnel status or a level). */
    public record Count(String label, String cssClass, long count) {}

    /** A diagnostic about the input: something vpnlint could not read, or read only partly. */
    public record Note(String location, String level, String code, String message) {}

    /** The network drawing: boxes for routers, NATs and peers not given, and one line per tunnel. */
    public record Drawing(int width, int height, List<Box> boxes, List<Line> lines, List<Count> legend) {}

    /** {@code kind} is router, context (loaded only for cross-router rules), nat or outside (a router not given). */
    public record Box(String id, String kind, int x, int y, int width, int height, String label, String detail) {}

    /** One stretch of a tunnel's line (a tunnel through NATs is drawn as several); {@code path} is SVG path data. */
    public record Line(String tunnelId, String statusClass, String path, String title) {}

    /** One row of the inventory: a tunnel, with both ends when the other end was given. */
    public record TunnelRow(
            String id,
            String statusClass,
            String statusLegend,
            End local,
            End remote,
            String remoteNotGiven,
            String nat,
            String initiator,
            List<Cell> cells) {}

    /** One end of a tunnel as written in its file. */
    public record End(
            String router,
            String location,
            String href,
            String peer,
            String tunnel,
            String localPrefixes,
            String remotePrefixes,
            String ikeVersion,
            String localId,
            String remoteId,
            String startAction,
            String closeAction,
            String dpdAction,
            String ikeProposals,
            String espProposals) {}

    /** A property of a tunnel: {@code outcome} is ok, finding or unknown; {@code href} leads to the finding. */
    public record Cell(String outcome, String symbol, String text, String href) {}

    /** The findings of one file, by rule. */
    public record RouterFindings(String file, List<RuleFindings> rules) {}

    public record RuleFindings(String ruleId, String title, List<FindingView> findings) {}

    /** One finding: message, fix in the file's syntax, witness packet, and its walk through the router. */
    public record FindingView(
            String id,
            String level,
            String location,
            String href,
            String message,
            String witness,
            String fix,
            String suppressedBecause,
            List<String> related,
            List<Step> steps) {}

    /** A step of the walk: the header after it, field by field, with the fields the step changed marked. */
    public record Step(String stage, String detail, String location, String header, List<Field> fields) {}

    public record Field(String name, String value, boolean changed) {}

    /** A rule's documentation: summary and explanation rendered from Markdown, bad and fixed examples verbatim. */
    public record RuleDoc(
            String id,
            String title,
            String level,
            String summaryHtml,
            String explanationHtml,
            String badExample,
            String fixedExample) {}
}
