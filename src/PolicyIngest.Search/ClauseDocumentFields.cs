using Lucene.Net.Documents;
using Lucene.Net.Util;
using PolicyIngest.Catalogue;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace PolicyIngest.Search;

/// <summary>
/// The fields of one clause document, kept by one indexing thread and refilled for each clause it writes. Every new
/// Lucene field and token stream builds its attributes anew, through a factory lock all indexing threads share: measured
/// (a thread-time profile of a 200,000-clause rebuild), creating them and waiting on that lock was a larger share of the
/// writer's time than inverting the facts fields. The writer reads a document during <c>AddDocument</c> only, so the same
/// instances serve the thread's next clause.
/// </summary>
internal sealed class ClauseDocumentFields
{
    private readonly NumericDocValuesField _rowId = new(LuceneFields.RowId, 0);
    private readonly StringField _version = new(LuceneFields.Version, "", Field.Store.NO);
    private readonly TermListTokenStream _jiebaTerms = new(), _gramsTerms = new(), _headJiebaTerms = new(), _headGramsTerms = new();
    private readonly Field _jieba, _grams, _headJieba, _headGrams;
    private readonly StringField _headMarker = new(LuceneFields.HeadMarker, LuceneFields.HeadMarkerValue, Field.Store.NO);
    private readonly Keyword _region = new(LuceneFields.Region), _issuer = new(LuceneFields.Issuer), _category = new(LuceneFields.Category);
    private readonly Labels _instruments = new(LuceneFields.Instrument), _industries = new(LuceneFields.Industry);
    private readonly Flag _repealed = new(LuceneFields.Repealed), _superseded = new(LuceneFields.Superseded);
    private readonly NumericDocValuesField _effectiveFrom = new(LuceneFields.EffectiveFrom, 0), _expiresOn = new(LuceneFields.ExpiresOn, 0),
        _issuedOn = new(LuceneFields.IssuedOn, 0), _maxAmountFen = new(LuceneFields.MaxAmountFen, 0);

    public ClauseDocumentFields(FieldType wordsOnly)
    {
        _jieba = new Field(LuceneFields.Jieba, _jiebaTerms, wordsOnly);
        _grams = new TextField(LuceneFields.Grams, _gramsTerms);
        _headJieba = new Field(LuceneFields.HeadJieba, _headJiebaTerms, wordsOnly);
        _headGrams = new TextField(LuceneFields.HeadGrams, _headGramsTerms);
    }

    /// <summary>The head document that closes a version's block: its version, the marker, the head's words and bigrams.</summary>
    public LuceneDocument FillHead(string versionId, IReadOnlyList<PolicyIngest.Index.Search.Term> headWords, IReadOnlyList<PolicyIngest.Index.Search.Term> headGrams)
    {
        _version.SetStringValue(versionId);
        _headJiebaTerms.SetTerms(headWords);
        _headGramsTerms.SetTerms(headGrams);
        return new LuceneDocument { _version, _headMarker, _headJieba, _headGrams };
    }

    /// <summary>The document of <paramref name="d"/>: its analysed text, and the facts filters and facets read.</summary>
    public LuceneDocument Fill(ClauseDocument d, IReadOnlyList<PolicyIngest.Index.Search.Term> words, IReadOnlyList<PolicyIngest.Index.Search.Term> grams)
    {
        _rowId.SetInt64Value(d.RowId);
        _version.SetStringValue(d.VersionId);
        _jiebaTerms.SetTerms(words);
        _gramsTerms.SetTerms(grams);
        var document = new LuceneDocument { _rowId, _version, _jieba, _grams };
        var f = d.Facts;
        _region.AddTo(document, f.Region);
        _issuer.AddTo(document, f.Issuer);
        _category.AddTo(document, f.Category);
        _instruments.AddTo(document, f.Instruments);
        _industries.AddTo(document, f.Industries);
        _repealed.AddTo(document, f.Repealed);
        _superseded.AddTo(document, f.Superseded);
        Add(document, _effectiveFrom, f.EffectiveFrom is { } e ? LuceneFilter.DayNumber(e) : LuceneFilter.NoStart);
        Add(document, _expiresOn, f.ExpiresOn is { } x ? LuceneFilter.DayNumber(x) : LuceneFilter.NoEnd);
        if (f.IssuedOn is { } issued) Add(document, _issuedOn, LuceneFilter.DayNumber(issued));
        if (f.MaxAmountFen is { } fen) Add(document, _maxAmountFen, fen);
        return document;
    }

    private static void Add(LuceneDocument document, NumericDocValuesField field, long value)
    {
        field.SetInt64Value(value);
        document.Add(field);
    }

    /// <summary>A single label: indexed for filtering, a sorted doc value for its facet.</summary>
    private sealed class Keyword(string field)
    {
        private readonly StringField _term = new(field, "", Field.Store.NO);
        private readonly SortedDocValuesField _value = new(field, new BytesRef());

        public void AddTo(LuceneDocument document, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            _term.SetStringValue(value);
            _value.SetBytesValue(new BytesRef(value));
            document.Add(_term);
            document.Add(_value);
        }
    }

    /// <summary>Several labels (instruments, industries): each indexed and a sorted-set doc value; pairs kept for the most a clause had.</summary>
    private sealed class Labels(string field)
    {
        private readonly List<(StringField Term, SortedSetDocValuesField Value)> _pairs = [];

        public void AddTo(LuceneDocument document, IEnumerable<string> labels)
        {
            var k = 0;
            foreach (var label in labels.Distinct(StringComparer.Ordinal))
            {
                if (k == _pairs.Count) _pairs.Add((new StringField(field, "", Field.Store.NO), new SortedSetDocValuesField(field, new BytesRef())));
                var (term, value) = _pairs[k++];
                term.SetStringValue(label);
                value.SetBytesValue(new BytesRef(label));
                document.Add(term);
                document.Add(value);
            }
        }
    }

    /// <summary>A yes/no fact: "1"/"0" terms and 1/0 doc values.</summary>
    private sealed class Flag(string field)
    {
        private readonly StringField _term = new(field, "0", Field.Store.NO);
        private readonly NumericDocValuesField _value = new(field, 0);

        public void AddTo(LuceneDocument document, bool value)
        {
            _term.SetStringValue(LuceneFilter.FlagText(value));
            _value.SetInt64Value(value ? 1 : 0);
            document.Add(_term);
            document.Add(_value);
        }
    }
}
