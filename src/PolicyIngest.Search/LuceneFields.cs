namespace PolicyIngest.Search;

/// <summary>The fields of one clause document in the Lucene index.</summary>
public static class LuceneFields
{
    /// <summary>The catalogue's clause row id as a doc value (hits are resolved through the catalogue by it; never searched, so not indexed).</summary>
    public const string RowId = "rowid";

    /// <summary>The clause's version: a catalogue change names a version, and its documents are replaced by this key.</summary>
    public const string Version = "version";

    /// <summary>SmartChineseAnalyzer's words (HMM over its own dictionary) of label, heading and text.</summary>
    public const string SmartCn = "smartcn";

    /// <summary>The project's jieba cut, search mode, keep-whole rules on (<c>ISegmenter</c> through <c>ClauseAnalyzer</c>).</summary>
    public const string Jieba = "jieba";

    /// <summary>Overlapping CJK bigrams (ASCII words and numbers whole): recall where a dictionary swallows a query word.</summary>
    public const string Grams = "grams";

    /// <summary>
    /// The version's head (title, notice title, 发文字号, issuer, region): jieba words and bigrams, on the head document that
    /// closes the block of the version's clauses (<see cref="HeadJoinQuery"/>), not on the clauses.
    /// </summary>
    public const string HeadJieba = "head_jieba", HeadGrams = "head_grams";

    /// <summary>The term that marks a head document (every other document is a clause).</summary>
    public const string HeadMarker = "head", HeadMarkerValue = "1";

    // The facts the filters and facets read (ClauseFacts): indexed for filtering, doc values for counting facets.
    public const string Region = "region", Issuer = "issuer", Category = "category", Instrument = "instrument", Industry = "industry";

    /// <summary>yyyyMMdd numbers (LuceneFilter.DayNumber); a version without a start or an end gets NoStart / NoEnd.</summary>
    public const string IssuedOn = "issued_on", EffectiveFrom = "effective_from", ExpiresOn = "expires_on";

    /// <summary>"1" / "0" terms and 1 / 0 doc values.</summary>
    public const string Repealed = "repealed", Superseded = "superseded";

    public const string MaxAmountFen = "max_amount_fen";
}

/// <summary>Which fields a query reads: the engines `evaluate search` compares.</summary>
public enum LuceneEngine
{
    SmartCn,
    Jieba,
    Bigrams,
    JiebaAndBigrams,
    All,
}
