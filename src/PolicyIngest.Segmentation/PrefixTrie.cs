namespace PolicyIngest.Segmentation;

/// <summary>
/// jieba's prefix dictionary as a character trie: one node per distinct prefix, each holding its word frequency
/// (0 for a prefix that is not itself a word) and the log of it. Walking the DAG from one position is then one
/// table probe per character, with no string hashing and no logarithm, which is what makes segmentation cheap
/// enough for the classifier's word features. Edges live in one open-addressing table of 64-bit slots, each packing
/// (parent node, character) and the child node (16 MB for jieba's dictionary, kept a third full). The root's children
/// are a plain array indexed by character. Grows while the dictionary is built; <see cref="Compact"/> then renumbers
/// the nodes so that the most used ones (by the jieba frequency of the words beneath them) come first and their edges
/// sit in a small second table, which keeps the walk in cache for ordinary text. Read-only after that.
/// </summary>
internal sealed class PrefixTrie
{
    public const int Root = 0;

    // Slot: child << 40 | (parent + 1) << 16 | character, with 0 for an empty slot. Parents and children below 2^24.
    private const int NodeBits = 24;
    private const int KeyBits = 40;
    private const ulong KeyMask = (1UL << KeyBits) - 1;
    // Most lookups fail (every DAG walk ends with one), and a failing linear probe costs about 1 / (1 - load)^2 slots.
    private const double MaxLoad = 0.35;

    private ulong[] _edges;
    private int _edgeCount;
    private int _shift;

    // After Compact: the edges to the first HotNodes nodes, looked up before _edges (which then holds the rest), and a
    // two-bit Bloom filter over the rest, so a walk's last, failing lookup seldom reaches the large table.
    private ulong[]? _hotEdges;
    private int _hotShift;
    private ulong[] _coldFilter = [];
    private int _coldFilterShift;

    // The root's children, by character: every DAG walk starts here, and this table stays in cache.
    private readonly int[] _rootChildren = new int[char.MaxValue + 1];

    private int[] _frequency;
    private NodeInfo[] _nodes;

    // What the walk reads at every node, side by side: ln(frequency), and one bit per (character mod 64) of its children,
    // so a walk that cannot continue mostly stops without a table probe.
    private struct NodeInfo
    {
        public double LogFrequency;
        public ulong Children;
    }

    public PrefixTrie(int expectedNodes = 1024)
    {
        var capacity = 16;
        while (capacity * MaxLoad < expectedNodes) capacity <<= 1;
        _edges = new ulong[capacity];
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
        _frequency = new int[Math.Max(16, expectedNodes)];
        _nodes = new NodeInfo[_frequency.Length];
        Array.Fill(_rootChildren, -1);
        NodeCount = 1;
    }

    /// <summary>Nodes, the root included: every distinct prefix of every word, plus one.</summary>
    public int NodeCount { get; private set; }

    /// <summary>The node reached from <paramref name="node"/> by <paramref name="c"/>; -1 when no word continues so.</summary>
    public int Child(int node, char c) => node == Root ? _rootChildren[c] : ChildBelowRoot(node, c);

    /// <summary>The root's child by <paramref name="c"/>, or -1: where every walk starts.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int RootChild(char c) => _rootChildren[c];

    /// <summary><see cref="Child"/> for a node that is not the root.</summary>
    public int ChildBelowRoot(int node, char c)
    {
        if ((_nodes[node].Children & 1UL << c) == 0) return -1;
        var key = ((ulong)(node + 1) << 16) | c;
        if (_hotEdges is { } hot)
        {
            var hotMask = hot.Length - 1;
            for (var slot = Slot(key, _hotShift); ; slot = (slot + 1) & hotMask)
            {
                var e = hot[slot];
                if ((e & KeyMask) == key) return (int)(e >> KeyBits);
                if (e == 0) break;
            }
            if (!MayHoldCold(key)) return -1;
        }
        var edges = _edges;
        var mask = edges.Length - 1;
        for (var slot = Slot(key, _shift); ; slot = (slot + 1) & mask)
        {
            var e = edges[slot];
            if ((e & KeyMask) == key) return (int)(e >> KeyBits);
            if (e == 0) return -1;
        }
    }

    /// <summary>How many of the most used nodes <see cref="Compact"/> keeps in the small table (512 KB of edge slots; 8,192 and 32,768 measured slower).</summary>
    public const int HotNodes = 16_384;

    /// <summary>
    /// Renumbers the nodes by how much word frequency lies beneath each (ties by insertion order, so the result is
    /// deterministic) and moves the edges of the first <see cref="HotNodes"/> into the small table. Call once, when the
    /// last word has been added.
    /// </summary>
    public void Compact()
    {
        if (_hotEdges is not null) throw new InvalidOperationException("already compacted");
        var n = NodeCount;
        var parent = new int[n];
        var letter = new char[n];
        for (var c = 0; c <= char.MaxValue; c++)
            if (_rootChildren[c] >= 0) letter[_rootChildren[c]] = (char)c;
        foreach (var e in _edges)
        {
            if (e == 0) continue;
            var child = (int)(e >> KeyBits);
            parent[child] = (int)((e & KeyMask) >> 16) - 1;
            letter[child] = (char)(e & 0xFFFF);
        }
        // A child is always created after its parent, so one pass from the last node adds every subtree up.
        var weight = new long[n];
        for (var node = n - 1; node > 0; node--)
        {
            weight[node] += Math.Max(0, _frequency[node]);
            weight[parent[node]] += weight[node];
        }
        var order = new int[n - 1];
        for (var i = 0; i < order.Length; i++) order[i] = i + 1;
        Array.Sort(order, (a, b) => weight[a] != weight[b] ? weight[b].CompareTo(weight[a]) : a.CompareTo(b));
        var renamed = new int[n];
        for (var i = 0; i < order.Length; i++) renamed[order[i]] = i + 1;

        var frequency = new int[n];
        for (var node = 1; node < n; node++) frequency[renamed[node]] = _frequency[node];
        var children = new ulong[n];
        for (var node = 0; node < n; node++) children[node == Root ? Root : renamed[node]] = _nodes[node].Children;
        _frequency = new int[n];
        _nodes = new NodeInfo[n];
        for (var node = 1; node < n; node++) SetFrequency(node, frequency[node]);
        for (var node = 0; node < n; node++) _nodes[node].Children = children[node];
        Array.Fill(_rootChildren, -1);

        var hotCount = Math.Min(HotNodes, n - 1);
        var hotCapacity = 16;
        while (hotCapacity * MaxLoad < hotCount) hotCapacity <<= 1;
        var hot = new ulong[hotCapacity];
        var hotShift = 64 - System.Numerics.BitOperations.Log2((uint)hotCapacity);
        var coldCapacity = 16;
        while (coldCapacity * MaxLoad < n - 1 - hotCount) coldCapacity <<= 1;
        _edges = new ulong[coldCapacity];
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)coldCapacity);
        var filterBits = 64;
        while (filterBits < 8L * (n - hotCount)) filterBits <<= 1;
        _coldFilter = new ulong[filterBits / 64];
        _coldFilterShift = 64 - System.Numerics.BitOperations.Log2((uint)filterBits);
        for (var old = 1; old < n; old++)
        {
            var node = renamed[old];
            var from = parent[old] == Root ? Root : renamed[parent[old]];
            if (from == Root)
            {
                _rootChildren[letter[old]] = node;
                continue;
            }
            var key = ((ulong)(from + 1) << 16) | letter[old];
            if (node <= hotCount) Place(hot, hotShift, key, node);
            else
            {
                Place(_edges, _shift, key, node);
                AddToColdFilter(key);
            }
        }
        _hotShift = hotShift;
        _hotEdges = hot;
    }

    /// <summary>Word frequency at a node: above 0 for a word, 0 for a prefix only.</summary>
    public int Frequency(int node) => _frequency[node];

    /// <summary>ln(frequency) at a word's node; negative infinity at a prefix that is not a word.</summary>
    public double LogFrequency(int node) => _nodes[node].LogFrequency;

    /// <summary>The node of <paramref name="word"/>, or -1 when it is not even a prefix of a word.</summary>
    public int Find(ReadOnlySpan<char> word)
    {
        var node = Root;
        foreach (var c in word)
        {
            node = Child(node, c);
            if (node < 0) return -1;
        }
        return node;
    }

    /// <summary>Adds the path of <paramref name="word"/> (prefixes get frequency 0 if new) and returns its node.</summary>
    public int AddPath(ReadOnlySpan<char> word)
    {
        var node = Root;
        foreach (var c in word)
        {
            var child = Child(node, c);
            node = child >= 0 ? child : AddEdge(node, c);
        }
        return node;
    }

    public void SetFrequency(int node, int frequency)
    {
        _frequency[node] = frequency;
        _nodes[node].LogFrequency = frequency > 0 ? Math.Log(frequency) : double.NegativeInfinity;
    }

    private int AddEdge(int parent, char c)
    {
        if (_hotEdges is not null) throw new InvalidOperationException("the trie is compacted: no more words");
        if (NodeCount == 1 << NodeBits) throw new InvalidOperationException($"dictionary too large: more than {1 << NodeBits} prefixes");
        if (_edgeCount + 1 > _edges.Length * MaxLoad) GrowEdges();
        var node = NodeCount++;
        if (node == _frequency.Length)
        {
            Array.Resize(ref _frequency, node * 2);
            Array.Resize(ref _nodes, node * 2);
        }
        SetFrequency(node, 0);
        _nodes[parent].Children |= 1UL << c;
        if (parent == Root)
        {
            _rootChildren[c] = node;
            return node;
        }
        Place(_edges, _shift, ((ulong)(parent + 1) << 16) | c, node);
        _edgeCount++;
        return node;
    }

    private static void Place(ulong[] table, int shift, ulong key, int child)
    {
        var mask = table.Length - 1;
        var slot = Slot(key, shift);
        while (table[slot] != 0) slot = (slot + 1) & mask;
        table[slot] = (ulong)child << KeyBits | key;
    }

    private void GrowEdges()
    {
        var old = _edges;
        _edges = new ulong[old.Length * 2];
        _shift--;
        foreach (var e in old)
            if (e != 0) Place(_edges, _shift, e & KeyMask, (int)(e >> KeyBits));
    }

    private bool MayHoldCold(ulong key)
    {
        var h = key * 0xD6E8FEB86659FD93UL;
        var a = h >> _coldFilterShift;
        var b = (h << 20) >> _coldFilterShift;
        return (_coldFilter[a >> 6] & 1UL << (int)a) != 0 && (_coldFilter[b >> 6] & 1UL << (int)b) != 0;
    }

    private void AddToColdFilter(ulong key)
    {
        var h = key * 0xD6E8FEB86659FD93UL;
        var a = h >> _coldFilterShift;
        var b = (h << 20) >> _coldFilterShift;
        _coldFilter[a >> 6] |= 1UL << (int)a;
        _coldFilter[b >> 6] |= 1UL << (int)b;
    }

    private static int Slot(ulong key, int shift) => (int)(key * 0x9E3779B97F4A7C15UL >> shift);
}
