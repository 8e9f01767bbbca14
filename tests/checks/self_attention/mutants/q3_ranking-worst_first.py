# exercise: q3_ranking
# mistake: sorts the ranking in ascending order (worst model first)
def make_checkpoint(trained):
    return dict(trained, ranking=sorted(trained['table'], key=lambda n: trained['table'][n]['mean']))
