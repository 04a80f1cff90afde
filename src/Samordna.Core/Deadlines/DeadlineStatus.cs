namespace Samordna.Core.Deadlines;

/// <summary>Where a deadline stands on the radar, judged by the Swedish calendar day.</summary>
public enum DeadlineStatus
{
    /// <summary>The act is recorded as done, in time or not.</summary>
    Done,

    /// <summary>Not done and the last day has passed.</summary>
    Overdue,

    /// <summary>Today is the last day.</summary>
    DueToday,

    /// <summary>The last day is one to seven days away.</summary>
    DueWithinWeek,

    /// <summary>More than seven days remain.</summary>
    Later,
}
