namespace Samordna.Core.Classification;

/// <summary>
/// One term of the shared classification of violence (våldsformer, relation, barnets exponering). The
/// catalogue is installation-wide — the same codes in every municipality, so counts add up across a
/// county — and data, not code: a term can be added or retired without a release. Codes never change.
/// </summary>
public sealed class ClassificationTerm
{
    private ClassificationTerm() { }

    public ClassificationTerm(string code, ClassificationDimension dimension, string label, int order)
    {
        Code = code;
        Dimension = dimension;
        Label = label;
        Order = order;
        Active = true;
    }

    /// <summary>Stable key, e.g. "form.physical", "context.partner".</summary>
    public string Code { get; private set; } = "";

    public ClassificationDimension Dimension { get; private set; }

    /// <summary>Swedish label shown to staff.</summary>
    public string Label { get; private set; } = "";

    public int Order { get; private set; }

    /// <summary>A retired term stays for old cases but is no longer offered.</summary>
    public bool Active { get; private set; }
}

public enum ClassificationDimension
{
    /// <summary>Våldsform.</summary>
    ViolenceForm,

    /// <summary>Relation mellan den utsatta och den som utövar våld.</summary>
    Context,

    /// <summary>Barnets exponering och egen våldsanvändning.</summary>
    Exposure,
}

/// <summary>The catalogue every installation starts with (seeded by migration).</summary>
public static class DefaultClassification
{
    public static readonly IReadOnlyList<ClassificationTerm> Terms =
    [
        new("form.physical", ClassificationDimension.ViolenceForm, "Fysiskt våld", 10),
        new("form.psychological", ClassificationDimension.ViolenceForm, "Psykiskt våld", 20),
        new("form.sexual", ClassificationDimension.ViolenceForm, "Sexuellt våld", 30),
        new("form.economic", ClassificationDimension.ViolenceForm, "Ekonomiskt våld", 40),
        new("form.material", ClassificationDimension.ViolenceForm, "Materiellt våld", 50),
        new("form.digital", ClassificationDimension.ViolenceForm, "Digitalt våld", 60),
        new("form.latent", ClassificationDimension.ViolenceForm, "Latent våld", 70),
        new("form.neglect", ClassificationDimension.ViolenceForm, "Försummelse", 80),
        new("context.partner", ClassificationDimension.Context, "Partner eller tidigare partner", 110),
        new("context.parent-to-child", ClassificationDimension.Context, "Förälder mot barn", 120),
        new("context.child-to-parent", ClassificationDimension.Context, "Vuxet barn mot förälder", 130),
        new("context.sibling", ClassificationDimension.Context, "Syskon", 140),
        new("context.other-relative", ClassificationDimension.Context, "Annan anhörig", 150),
        new("context.honour", ClassificationDimension.Context, "Hedersrelaterat våld och förtryck (flera utövare)", 160),
        new("exposure.child-witnessed", ClassificationDimension.Exposure, "Barn har bevittnat våld", 210),
        new("exposure.child-subjected", ClassificationDimension.Exposure, "Barn har utsatts för våld", 220),
        new("exposure.own-violence", ClassificationDimension.Exposure, "Egen våldsanvändning", 230),
    ];
}
