# exercise: q3_ranking
# mistake: reports the variance of the runs where the standard deviation belongs
def make_checkpoint(trained):
    table = {name: {'mean': row['mean'], 'std': row['std'] ** 2} for name, row in trained['table'].items()}
    return dict(trained, table=table)
