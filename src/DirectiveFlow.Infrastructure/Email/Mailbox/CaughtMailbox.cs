namespace DirectiveFlow.Infrastructure.Email.Mailbox;

/// <summary>What the embedded catcher received, newest first, bounded so a long demo cannot exhaust memory.</summary>
public sealed class CaughtMailbox(int capacity = 1000)
{
    private readonly LinkedList<CaughtEmail> _emails = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _emails.Count;
            }
        }
    }

    public void Add(CaughtEmail email)
    {
        lock (_lock)
        {
            _emails.AddFirst(email);
            while (_emails.Count > capacity)
            {
                _emails.RemoveLast();
            }
        }
    }

    /// <summary>A page of emails, newest first, with the total held.</summary>
    public (IReadOnlyList<CaughtEmail> Items, int Total) Page(int page, int pageSize)
    {
        lock (_lock)
        {
            return (_emails.Skip((page - 1) * pageSize).Take(pageSize).ToList(), _emails.Count);
        }
    }

    public IReadOnlyList<CaughtEmail> All()
    {
        lock (_lock)
        {
            return [.. _emails];
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _emails.Clear();
        }
    }
}
