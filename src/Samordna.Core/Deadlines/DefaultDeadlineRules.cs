namespace Samordna.Core.Deadlines;

/// <summary>
/// The deadline rules Samordna starts with, for Socialtjänstlagen (2001:453) and for the Socialtjänstlag
/// (2025:400) that replaced it on 1 July 2025 with the same periods. A municipality may replace them with
/// its own (another cut-off, another target for adults, its view on moving last days).
/// </summary>
/// <remarks>
/// The legal-basis texts of the 2025 law deliberately cite it only as corresponding to the 2001 paragraph.
/// Its own chapter and paragraph numbers are entered as data by the municipality or the project once they
/// have been confirmed against SFS 2025:400; the code does not assert them.
/// <para>
/// No default rule moves its last day to a working day. Lagen (1930:173) lets "en åtgärd" be taken the next
/// weekday, and whether that reaches the committee's own handling deadlines is a question of
/// interpretation; until a municipality decides otherwise the earlier day is shown, so the radar never
/// reports a child's matter as in time on a day the law may not allow.
/// </para>
/// </remarks>
public static class DefaultDeadlineRules
{
    public const string Sol2001 = "SoL 2001:453";
    public const string Sol2025 = "SoL 2025:400";

    /// <summary>Socialtjänstlagen (2001:453) came into force.</summary>
    public static readonly DateOnly Sol2001InForce = new(2002, 1, 1);

    /// <summary>Skyddsbedömning and the 14-day förhandsbedömning were added to 11 kap. 1 a § SoL (2001:453).</summary>
    public static readonly DateOnly ChildAssessmentsInForce = new(2013, 1, 1);

    /// <summary>Socialtjänstlagen (2025:400) came into force and replaced the 2001 law.</summary>
    public static readonly DateOnly Sol2025InForce = new(2025, 7, 1);

    /// <summary>Reports arriving at or after 16:00 Swedish time are assessed the next day (by socialjouren).</summary>
    public static readonly TimeOnly ProtectionAssessmentCutOff = new(16, 0);

    /// <summary>
    /// The target for opening an adult investigation. The law says only "utan dröjsmål"; 14 days mirrors the
    /// förhandsbedömning for children and is a local target, not a statutory period.
    /// </summary>
    public const int AdultInvestigationStartTargetDays = 14;

    public static IReadOnlyList<DeadlineRule> Rules { get; } =
    [
        new(DeadlineKey.ChildProtectionAssessment, "Skyddsbedömning", Sol2001,
            "11 kap. 1 a § SoL (2001:453): nämnden ska genast bedöma om barnet är i behov av omedelbart skydd",
            ChildAssessmentsInForce, DeadlineStart.MatterReceived, DeadlinePeriod.SameDay, ProtectionAssessmentCutOff),
        new(DeadlineKey.ChildProtectionAssessment, "Skyddsbedömning", Sol2025,
            "SoL (2025:400), motsvarande 11 kap. 1 a § i 2001 års lag: genast bedöma om barnet är i behov av omedelbart skydd",
            Sol2025InForce, DeadlineStart.MatterReceived, DeadlinePeriod.SameDay, ProtectionAssessmentCutOff),

        new(DeadlineKey.ChildPreliminaryAssessment, "Förhandsbedömning", Sol2001,
            "11 kap. 1 a § SoL (2001:453): beslut om att inleda eller inte inleda utredning inom 14 dagar från att anmälan kom in, om inte synnerliga skäl motiverar längre tid",
            ChildAssessmentsInForce, DeadlineStart.MatterReceived, DeadlinePeriod.Days(14)),
        new(DeadlineKey.ChildPreliminaryAssessment, "Förhandsbedömning", Sol2025,
            "SoL (2025:400), motsvarande 11 kap. 1 a § i 2001 års lag: beslut om att inleda eller inte inleda utredning inom 14 dagar",
            Sol2025InForce, DeadlineStart.MatterReceived, DeadlinePeriod.Days(14)),

        new(DeadlineKey.ChildInvestigation, "Barnutredning", Sol2001,
            "11 kap. 2 § SoL (2001:453): utredningen ska vara slutförd senast inom fyra månader; vid särskilda skäl får nämnden besluta att förlänga den för viss tid",
            Sol2001InForce, DeadlineStart.InvestigationOpened, DeadlinePeriod.Months(4), allowsExtension: true),
        new(DeadlineKey.ChildInvestigation, "Barnutredning", Sol2025,
            "SoL (2025:400), motsvarande 11 kap. 2 § i 2001 års lag: utredningen ska vara slutförd senast inom fyra månader, förlängning vid särskilda skäl",
            Sol2025InForce, DeadlineStart.InvestigationOpened, DeadlinePeriod.Months(4), allowsExtension: true),

        new(DeadlineKey.AdultInvestigationStart, "Inleda utredning (vuxen)", Sol2001,
            $"11 kap. 1 § SoL (2001:453): utredning ska inledas utan dröjsmål (kommunens mål: {AdultInvestigationStartTargetDays} dagar)",
            Sol2001InForce, DeadlineStart.MatterReceived, DeadlinePeriod.Days(AdultInvestigationStartTargetDays)),
        new(DeadlineKey.AdultInvestigationStart, "Inleda utredning (vuxen)", Sol2025,
            $"SoL (2025:400), motsvarande 11 kap. 1 § i 2001 års lag: utredning ska inledas utan dröjsmål (kommunens mål: {AdultInvestigationStartTargetDays} dagar)",
            Sol2025InForce, DeadlineStart.MatterReceived, DeadlinePeriod.Days(AdultInvestigationStartTargetDays)),
    ];

    public static DeadlineRuleSet RuleSet { get; } = new(Rules);
}
