"""Questions asked of the whole corpus: relations over time (dyad), corroboration, contested items.

Everything here reads through a Store's query methods, so analyst corrections apply.
"""
