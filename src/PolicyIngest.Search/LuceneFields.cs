namespace PolicyIngest.Search;

/// <summary>The fields of one clause document in the Lucene index.</summary>
public static class LuceneFields
{
    /// <summary>The catalogue's clause row id (stored, and the key a re-index replaces by).</summary>
    public const string RowId = "rowid";

    /// <summary>SmartChineseAnalyzer's words (HMM over its own dictionary) of label, heading and text.</summary>
    public const string SmartCn = "smartcn";

    /// <summary>The project's jieba cut, search mode, keep-whole rules on (<c>ISegmenter</c> through <c>ClauseAnalyzer</c>).</summary>
    public const string Jieba = "jieba";

    /// <summary>Overlapping CJK bigrams (ASCII words and numbers whole): recall where a dictionary swallows a query word.</summary>
    public const string Grams = "grams";
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
